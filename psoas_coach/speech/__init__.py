"""Speech: spoken cues that never block the window.

coach.CuePlayer follows the engine and says each cue of core.cues at its moment; base.Speaker is
what it talks to. speakers.ClipSpeaker plays clips that renderer.ClipRenderer renders ahead in
its own thread (cache.ClipCache keeps them); player plays them with QtMultimedia; qt_tts and
base.CaptionOnlySpeaker are the fallbacks that loader chooses between after the first paint.
"""

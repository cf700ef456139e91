"""Speech: spoken cues that never block the window.

cue_player.CuePlayer follows the engine and says each cue of core.cues at its moment; base.Speaker is
what it talks to. speakers.ClipSpeaker plays clips that renderer.ClipRenderer renders ahead with Piper's
natural voice (voices finds it) or espeak-ng, in a render process of its own (render_process; a crash
of the speech engine costs one clip, never the window, and Piper never enters the window's process),
kept by cache.ClipCache and played by sink_player with QtMultimedia; qt_tts and base.CaptionOnlySpeaker
are the fallbacks that loader chooses between after the first paint.
"""

"""Speech: a Speaker interface with pyttsx3, Qt and silent implementations."""

package io.sib2ae.orchestrator.monitoring;

/** What JMX (and so Jolokia and Hawtio) shows of one score in work or just finished. */
public interface ScoreProgressMBean {
    String getScoreName();

    String getStatus();

    String getStartedAt();

    long getElapsedMillis();

    int getNotesTotal();

    int getNotesDone();

    int getMidiDone();

    int getMidiFailed();

    int getAudioDone();

    int getAudioFailed();

    int getKeyframesDone();

    int getKeyframesFailed();

    int getSvgDone();

    int getSvgFailed();

    String getAudioBreakerState();
}

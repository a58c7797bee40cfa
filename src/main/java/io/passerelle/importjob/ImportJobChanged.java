package io.passerelle.importjob;

/** Published once a job is stored ({@code job}) or deleted ({@code job} null) and committed: its schedule follows. */
record ImportJobChanged(long jobId, ImportJob job) {
}

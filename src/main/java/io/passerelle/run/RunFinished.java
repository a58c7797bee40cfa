package io.passerelle.run;

/** Published when a run (inbound or outbound) has its final status and counts. */
public record RunFinished(RunView run) {
}

package io.passerelle.export;

import io.passerelle.run.RunningFlows;
import org.springframework.stereotype.Component;

@Component
public class ExportJobRunner {

    private final ExportEngine engine;
    private final RunningFlows running;

    public ExportJobRunner(ExportEngine engine, RunningFlows running) {
        this.engine = engine;
        this.running = running;
    }

    public void run(ExportJob job) {
        try {
            engine.run(job.runId(), job.connection(), job.flow(), job.scope());
        } finally {
            running.release(job.connection().id(), job.flow().name());
        }
    }
}

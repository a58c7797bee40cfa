package io.passerelle.sync;

import io.passerelle.run.RecordError;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The tally of one inbound run, and the errors behind its rejected and failed counts. */
public final class RunCounts {

    private int read;
    private int created;
    private int updated;
    private int unchanged;
    private int rejected;
    private int failed;
    private int skipped;
    private final List<RecordError> errors = new ArrayList<>();

    public void read(int n) {
        read += n;
    }

    /** Items the flow's filter left out: read, and on purpose not written (a writer's are {@link PageResult#skipped()}). */
    public void skipped(int n) {
        skipped += n;
    }

    public void add(PageResult page) {
        created += page.created();
        updated += page.updated();
        unchanged += page.unchanged();
        skipped += page.skipped();
        page.rejected().forEach(this::error);
        errors.addAll(page.warnings());
    }

    public void error(RecordError error) {
        if (error.rejection()) {
            rejected++;
        } else {
            failed++;
        }
        errors.add(error);
    }

    public List<RecordError> drainErrors() {
        List<RecordError> drained = List.copyOf(errors);
        errors.clear();
        return drained;
    }

    public boolean clean() {
        return rejected == 0 && failed == 0;
    }

    public Map<String, Integer> asMap() {
        Map<String, Integer> map = new LinkedHashMap<>();
        map.put("read", read);
        map.put("created", created);
        map.put("updated", updated);
        map.put("unchanged", unchanged);
        map.put("rejected", rejected);
        map.put("failed", failed);
        map.put("skipped", skipped);
        return map;
    }
}

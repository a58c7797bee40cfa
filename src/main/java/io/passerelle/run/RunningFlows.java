package io.passerelle.run;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/** One run per connection and flow at a time, whoever triggers it (schedule, API, start-up). */
@Component
public class RunningFlows {

    private final Set<String> running = ConcurrentHashMap.newKeySet();

    /** Claims all flows or none. @throws FlowAlreadyRunningException naming the busy one */
    public synchronized void claim(String connectionId, List<String> flows) {
        for (String flow : flows) {
            if (running.contains(key(connectionId, flow))) {
                throw new FlowAlreadyRunningException(connectionId, flow);
            }
        }
        flows.forEach(flow -> running.add(key(connectionId, flow)));
    }

    public void release(String connectionId, String flow) {
        running.remove(key(connectionId, flow));
    }

    public boolean isRunning(String connectionId, String flow) {
        return running.contains(key(connectionId, flow));
    }

    private static String key(String connectionId, String flow) {
        return connectionId + '\u0000' + flow;
    }
}

package org.participe.benchmark.load;

import java.nio.file.Path;
import java.util.Map;

/** Runs {@link ParticipeSimulation} in this JVM. */
public final class LoadRun {

    private LoadRun() {
    }

    /** Runs the simulation with these {@code load.*} settings; returns Gatling's exit status (0: its assertions held). */
    public static synchronized int gatling(Path results, String description, Map<String, String> settings) {
        settings.forEach(System::setProperty);
        try {
            return io.gatling.app.Gatling$.MODULE$.fromArgs(new String[]{"-s", ParticipeSimulation.class.getName(),
                    "-rf", results.toAbsolutePath().toString(), "-rd", description});
        } finally {
            settings.keySet().forEach(System::clearProperty);
        }
    }

}

package dev.damagedesk.loadgen;

import com.fasterxml.jackson.jr.ob.JSON;
import dev.damagedesk.adapters.incident.IncidentCatalog;
import dev.damagedesk.domain.incident.Incident;
import dev.damagedesk.domain.validation.SubmissionFormat;
import dev.damagedesk.replay.ChannelShape;
import dev.damagedesk.replay.GeneratedReport;
import dev.damagedesk.replay.PopulationGenerator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.SplittableRandom;

/**
 * The wave's request bodies, drawn from the 2022 replay's population ({@link PopulationGenerator} over
 * {@link ChannelShape#of2022()}: category mix, reporter types, repeat reporters re-submitting a service) as they are
 * sent, never all held: the generator yields one reporter's reports after the other, and a small shuffle buffer
 * spreads a repeat reporter's reports over the wave instead of sending them back to back. Deterministic per seed.
 * Thread-safe: clients take bodies from one shared instance.
 */
public final class WaveReports {

    static final int SHUFFLE_BUFFER = 512;

    private final Iterator<GeneratedReport> population;
    private final List<GeneratedReport> buffer = new ArrayList<>(SHUFFLE_BUFFER);
    private final SplittableRandom random;

    WaveReports(Iterator<GeneratedReport> population, long seed) {
        this.population = population;
        this.random = new SplittableRandom(seed ^ 0x5DEECE66DL);
    }

    /** {@code reports} reports of the 2022 incident's population for {@code seed} (one day of the channel). */
    public static WaveReports of2022(Incident incident, int reports, long seed) {
        return new WaveReports(new PopulationGenerator(incident, ChannelShape.of2022()).byReporter(reports, seed, 1), seed);
    }

    public static Incident incident2022() {
        return new IncidentCatalog().get(dev.damagedesk.domain.incident.IncidentDocument.INCIDENT_2022_10_15_ID);
    }

    /** The next report, drawn at random from the buffer that the population keeps full. */
    public synchronized GeneratedReport next() {
        while (buffer.size() < SHUFFLE_BUFFER && population.hasNext()) {
            buffer.add(population.next());
        }
        if (buffer.isEmpty()) {
            throw new NoSuchElementException("the wave's population is exhausted");
        }
        int pick = random.nextInt(buffer.size());
        GeneratedReport chosen = buffer.get(pick);
        buffer.set(pick, buffer.get(buffer.size() - 1));
        buffer.remove(buffer.size() - 1);
        return chosen;
    }

    /** The body {@code POST /v1/reports} takes for a generated report. */
    public static String body(GeneratedReport report) {
        try {
            return JSON.std.asString(SubmissionFormat.toMap(report.report().submission()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

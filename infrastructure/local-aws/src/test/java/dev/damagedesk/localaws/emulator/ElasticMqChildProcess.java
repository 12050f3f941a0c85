package dev.damagedesk.localaws.emulator;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * ElasticMQ on a data directory in a JVM of its own, so that a test can kill it as the runtime gets killed: prints
 * {@value #READY} and the endpoint, then runs until its standard input closes (a graceful stop) or it is killed.
 */
public final class ElasticMqChildProcess {

    static final String READY = "ELASTICMQ-ENDPOINT ";

    private ElasticMqChildProcess() {
    }

    public static void main(String[] args) throws IOException {
        try (ElasticMq elasticMq = ElasticMq.start(Optional.of(Path.of(args[0])))) {
            System.out.println(READY + elasticMq.endpoint());
            System.out.flush();
            while (System.in.read() >= 0) {
                // runs until stdin closes
            }
        }
    }
}

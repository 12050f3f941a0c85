package dev.damagedesk.localaws.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.damagedesk.localaws.mailbox.LocalMailbox;
import dev.damagedesk.localaws.mailbox.LocalMailbox.SentEmail;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Reading LocalStack's /_aws/ses, against a stand-in that answers as LocalStack's SES provider does (no Docker). */
class LocalStackSentMailTest {

    /** Two messages as LocalStack records them: SendEmail with text and HTML, and one without an HTML part. */
    private static final String STORE = """
            {"messages": [
              {"Id": "abc-1", "Region": "us-east-1", "Timestamp": "2026-11-03T10:00:00",
               "Destination": {"ToAddresses": ["jun.lee@example.com"], "CcAddresses": ["cc@example.com"]},
               "Source": "no-reply@damagedesk.example", "Subject": "Report 01GFM4V7Q2S8W3N5K6P9R0T1X2 received",
               "Body": {"text_part": "70 h 30 min", "html_part": "<p>Lee &lt;b&gt;Jun&lt;/b&gt;</p>"}},
              {"Id": "abc-2", "Region": "us-east-1", "Destination": {"ToAddresses": ["seoyeon@example.co.kr"]},
               "Source": "no-reply@damagedesk.example", "Subject": "접수되었습니다",
               "Body": {"text_part": "14일", "html_part": null}}
            ]}
            """;

    @Test
    void parsesMessagesIntoSentEmails() {
        List<SentEmail> emails = LocalStackSentMail.parse(STORE);

        assertThat(emails).containsExactly(
                new SentEmail("abc-1", "no-reply@damagedesk.example", List.of("jun.lee@example.com"),
                        "Report 01GFM4V7Q2S8W3N5K6P9R0T1X2 received", "70 h 30 min",
                        "<p>Lee &lt;b&gt;Jun&lt;/b&gt;</p>"),
                new SentEmail("abc-2", "no-reply@damagedesk.example", List.of("seoyeon@example.co.kr"),
                        "접수되었습니다", "14일", null));
        assertThat(LocalStackSentMail.parse("{\"messages\": []}")).isEmpty();
    }

    @Test
    void readsWithGetAndClearsWithDelete() throws IOException {
        List<String> requests = new ArrayList<>();
        HttpServer localStack = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        localStack.createContext("/_aws/ses", exchange -> {
            requests.add(exchange.getRequestMethod() + " " + exchange.getRequestURI());
            if (exchange.getRequestMethod().equals("DELETE")) {
                exchange.sendResponseHeaders(204, -1);
            } else {
                byte[] body = STORE.getBytes(StandardCharsets.UTF_8);
                exchange.sendResponseHeaders(200, body.length);
                exchange.getResponseBody().write(body);
            }
            exchange.close();
        });
        localStack.start();
        try {
            LocalMailbox mailbox = new LocalMailbox(new LocalStackSentMail(
                    URI.create("http://127.0.0.1:" + localStack.getAddress().getPort())));

            assertThat(mailbox.sentTo("seoyeon@example.co.kr")).extracting(SentEmail::messageId).containsExactly("abc-2");
            mailbox.clear();
            assertThat(requests).containsExactly("GET /_aws/ses", "DELETE /_aws/ses");
        } finally {
            localStack.stop(0);
        }
    }
}

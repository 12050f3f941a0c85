package dev.damagedesk.localaws.mailbox;

import java.net.URI;
import java.util.List;

/**
 * The mail the local SES accepted. It accepts any address, so it proves what was sent, not that it could be
 * delivered. Where the mail is kept depends on the backend: {@code new LocalMailbox(sesEndpoint)} reads
 * aws-ses-v2-local's store ({@code GET /store}, {@code POST /clear-store}); another backend brings its own
 * {@link Store} (obtain the right one with {@code LocalAws.mailbox()}).
 */
public final class LocalMailbox {

    /** One accepted email, as the emulator recorded it. */
    public record SentEmail(String messageId, String from, List<String> to, String subject, String text, String html) {
    }

    /** Where a local SES keeps the mail it accepted. */
    public interface Store {

        /** Every email accepted since the last {@link #clear()}. */
        List<SentEmail> all();

        void clear();
    }

    private final Store store;

    /** The mailbox of aws-ses-v2-local listening at {@code sesEndpoint}. */
    public LocalMailbox(URI sesEndpoint) {
        this(new SesV2LocalStore(sesEndpoint));
    }

    public LocalMailbox(Store store) {
        this.store = store;
    }

    public List<SentEmail> all() {
        return store.all();
    }

    public List<SentEmail> sentTo(String address) {
        return all().stream().filter(email -> email.to().contains(address)).toList();
    }

    public void clear() {
        store.clear();
    }
}

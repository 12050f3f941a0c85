package dev.damagedesk.notifier.email;

import software.amazon.awssdk.services.sesv2.SesV2Client;
import software.amazon.awssdk.services.sesv2.model.Body;
import software.amazon.awssdk.services.sesv2.model.Content;
import software.amazon.awssdk.services.sesv2.model.Message;

/** Sends an {@link Email} through SES v2 from the configured sender identity. */
public final class EmailSender {

    private final SesV2Client ses;
    private final String senderAddress;

    public EmailSender(SesV2Client ses, String senderAddress) {
        this.ses = ses;
        this.senderAddress = senderAddress;
    }

    /** @return SES's message id */
    public String send(Email email) {
        Message message = Message.builder()
                .subject(utf8(email.subject()))
                .body(Body.builder().text(utf8(email.text())).html(utf8(email.html())).build())
                .build();
        return ses.sendEmail(send -> send
                .fromEmailAddress(senderAddress)
                .destination(destination -> destination.toAddresses(email.to()))
                .content(content -> content.simple(message))).messageId();
    }

    private static Content utf8(String text) {
        return Content.builder().data(text).charset("UTF-8").build();
    }
}

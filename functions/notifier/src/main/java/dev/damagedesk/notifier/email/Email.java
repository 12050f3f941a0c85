package dev.damagedesk.notifier.email;

import dev.damagedesk.domain.report.Language;
import java.util.List;

/** One composed email: a subject, a plain-text body and an HTML body saying the same. */
public record Email(String to, String subject, String text, String html) {

    /**
     * The email of these paragraphs: the text joins them, the HTML escapes every one of them (whatever a reporter
     * or a staff member typed is in them) and keeps their line breaks. No paragraph is ever markup.
     */
    public static Email of(String to, Language language, String subject, List<String> paragraphs) {
        String text = String.join("\n\n", paragraphs) + "\n";
        StringBuilder html = new StringBuilder("<!DOCTYPE html><html lang=\"")
                .append(language.code()).append("\"><head><meta charset=\"utf-8\"><title>")
                .append(Html.escape(subject)).append("</title></head><body>");
        for (String paragraph : paragraphs) {
            html.append("<p>").append(Html.escape(paragraph).replace("\n", "<br>")).append("</p>");
        }
        html.append("</body></html>");
        return new Email(to, subject, text, html.toString());
    }
}

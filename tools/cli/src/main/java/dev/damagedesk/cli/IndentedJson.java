package dev.damagedesk.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;

/**
 * Re-indents the compact JSON the adapters write, for a person to read and edit before importing it again: two
 * spaces, one member or array element per line, {@code "key": value}. Strings and numbers are copied exactly as
 * written (no double rounding), so the indented text parses to the same document.
 */
final class IndentedJson {

    private static final JsonFactory FACTORY = new JsonFactory();
    private static final DefaultIndenter INDENTER = new DefaultIndenter("  ", "\n");
    private static final DefaultPrettyPrinter PRINTER = new DefaultPrettyPrinter()
            .withSeparators(Separators.createDefaultInstance()
                    .withObjectFieldValueSpacing(Separators.Spacing.AFTER)
                    .withObjectEmptySeparator("")
                    .withArrayEmptySeparator(""))
            .withObjectIndenter(INDENTER)
            .withArrayIndenter(INDENTER);

    private IndentedJson() {
    }

    static String of(String compactJson) {
        StringWriter indented = new StringWriter();
        try (JsonParser parser = FACTORY.createParser(compactJson);
             JsonGenerator generator = FACTORY.createGenerator(indented).setPrettyPrinter(PRINTER.createInstance())) {
            parser.nextToken();
            generator.copyCurrentStructureExact(parser);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return indented.toString();
    }
}

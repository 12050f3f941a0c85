package dev.damagedesk.browsertests;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The admin page's files as the CSP and the "reporter text is text" rule need them: no markup sink, no eval, no
 * inline script or style, nothing loaded from another origin. (The browser tests show the behaviour; this keeps
 * a new line of code from quietly adding a sink.)
 */
class AdminPageSourceTest {

    private static final Path PAGE = Path.of(System.getProperty("damagedesk.root", "../..")).resolve("infrastructure/admin-page");

    private static Map<Path, String> files(String... extensions) throws IOException {
        try (Stream<Path> paths = Files.walk(PAGE)) {
            return paths.filter(Files::isRegularFile)
                    .filter(path -> Stream.of(extensions).anyMatch(ext -> path.toString().endsWith(ext)))
                    .collect(Collectors.toMap(path -> path, AdminPageSourceTest::read));
        }
    }

    private static String read(Path path) {
        try {
            return Files.readString(path, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void noScriptBuildsMarkupFromStringsOrEvaluatesCode() throws IOException {
        Map<Path, String> scripts = files(".js");
        assertThat(scripts).isNotEmpty();
        Pattern sinks = Pattern.compile("innerHTML|outerHTML|insertAdjacentHTML|document\\.write|\\beval\\s*\\(|new\\s+Function\\s*\\("
                + "|setTimeout\\s*\\(\\s*['\"`]|setInterval\\s*\\(\\s*['\"`]|createContextualFragment|DOMParser|\\.srcdoc");
        scripts.forEach((path, source) -> assertThat(sinks.matcher(source).find()).as(path + " has a markup or code sink").isFalse());
    }

    @Test
    void noStyleAttributeIsSetFromScriptSinceTheCspForbidsInlineStyles() throws IOException {
        files(".js").forEach((path, source) ->
                assertThat(source).as(path.toString()).doesNotContain("setAttribute('style'").doesNotContain("style:"));
    }

    @Test
    void thePageHasNoInlineScriptOrStyleAndLoadsNothingFromElsewhere() throws IOException {
        String html = read(PAGE.resolve("index.html"));
        assertThat(Pattern.compile("<script(?![^>]*\\bsrc=)[^>]*>", Pattern.CASE_INSENSITIVE).matcher(html).find())
                .as("inline <script>").isFalse();
        assertThat(html).doesNotContainIgnoringCase("<style").doesNotContainIgnoringCase(" style=")
                .doesNotContainPattern("\\son[a-z]+=");
        Pattern remote = Pattern.compile("(src|href)=\"(https?:)?//", Pattern.CASE_INSENSITIVE);
        assertThat(remote.matcher(html).find()).as("a resource from another origin").isFalse();
        for (Map.Entry<Path, String> file : files(".js", ".css").entrySet()) {
            List<String> urls = Pattern.compile("https?://[^'\"\\s)]+").matcher(file.getValue()).results()
                    .map(match -> match.group()).filter(url -> !url.equals("http://www.w3.org/2000/svg")).toList();
            assertThat(urls).as(file.getKey() + " names another origin").isEmpty();
            assertThat(file.getValue()).as(file.getKey().toString()).doesNotContain("@import");
        }
    }
}

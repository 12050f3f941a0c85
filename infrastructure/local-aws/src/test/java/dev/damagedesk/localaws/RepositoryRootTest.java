package dev.damagedesk.localaws;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class RepositoryRootTest {

    @Test
    void findsTheFolderWithTemplateYaml() {
        Path root = RepositoryRoot.find();
        assertThat(root.resolve("template.yaml")).isRegularFile();
        assertThat(RepositoryRoot.findFrom(root.resolve("infrastructure/local-aws/src"))).contains(root);
    }
}

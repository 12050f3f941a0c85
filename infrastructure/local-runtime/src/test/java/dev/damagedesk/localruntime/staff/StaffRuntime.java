package dev.damagedesk.localruntime.staff;

import dev.damagedesk.localaws.RepositoryRoot;
import dev.damagedesk.localruntime.LocalRuntime;
import dev.damagedesk.localruntime.RunningRuntime;
import dev.damagedesk.localruntime.RuntimeOptions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The real template.yaml plus test functions on its AdminApi, in a repository root of its own (the project's
 * emulators and admin page linked in): the staff side exactly as declared, with something behind its routes.
 */
final class StaffRuntime {

    /** Routes on AdminApi: one under the default authorizer, one opened with {@code Authorizer: NONE}. */
    static final String TEST_FUNCTIONS = """
              ClaimsEchoFunction:
                Type: AWS::Serverless::Function
                Properties:
                  Handler: dev.damagedesk.localruntime.fixtures.ClaimsEchoHandler::handleRequest
                  Events:
                    Guarded:
                      Type: HttpApi
                      Properties: {ApiId: !Ref AdminApi, Method: GET, Path: /v1/admin/echo}
                    GuardedPost:
                      Type: HttpApi
                      Properties: {ApiId: !Ref AdminApi, Method: POST, Path: '/v1/admin/echo/{id}'}
                    Open:
                      Type: HttpApi
                      Properties: {ApiId: !Ref AdminApi, Method: GET, Path: /v1/admin/open, Auth: {Authorizer: NONE}}
            """;

    private StaffRuntime() {
    }

    static RunningRuntime start(Path root, String extraResources) throws IOException {
        Path repository = RepositoryRoot.find();
        String template = Files.readString(repository.resolve("template.yaml"));
        template = template.replaceFirst("\nResources:\n", "\nResources:\n" + java.util.regex.Matcher.quoteReplacement(extraResources));
        Files.writeString(root.resolve("template.yaml"), template);
        Files.createDirectories(root.resolve("infrastructure"));
        Files.createSymbolicLink(root.resolve("infrastructure/emulators"), repository.resolve("infrastructure/emulators"));
        Files.createSymbolicLink(root.resolve("infrastructure/admin-page"), repository.resolve("infrastructure/admin-page"));
        return LocalRuntime.start(new RuntimeOptions(root, 0, Optional.empty(), OptionalInt.of(0), Map.of()));
    }
}

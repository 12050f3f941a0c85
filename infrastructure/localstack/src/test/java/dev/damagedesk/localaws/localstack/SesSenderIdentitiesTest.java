package dev.damagedesk.localaws.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import dev.damagedesk.localaws.RepositoryRoot;
import dev.damagedesk.localaws.provision.ProvisionedResources;
import dev.damagedesk.localaws.template.SamTemplate;
import dev.damagedesk.localaws.template.TemplateValues;
import dev.damagedesk.localaws.template.TemplateYaml;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SesSenderIdentitiesTest {

    private static final ProvisionedResources NO_RESOURCES =
            new ProvisionedResources(Map.of(), Map.of(), Map.of(), Map.of(), List.of());

    @Test
    void theNotifiersSenderIdentityComesFromItsPolicyAndFollowsTheParameter() {
        SamTemplate template = SamTemplate.load(RepositoryRoot.find().resolve("template.yaml"));

        assertThat(SesSenderIdentities.of(template, new TemplateValues(template, Map.of(), NO_RESOURCES)))
                .containsExactly("no-reply@damagedesk.example");
        assertThat(SesSenderIdentities.of(template,
                new TemplateValues(template, Map.of("SenderEmail", "desk@example.org"), NO_RESOURCES)))
                .containsExactly("desk@example.org");
    }

    @Test
    void statementsAndSamPolicyTemplatesThatAllowSendingNameTheirIdentities() {
        SamTemplate template = SamTemplate.of(TemplateYaml.parse("""
                Parameters:
                  Domain: {Type: String, Default: example.org}
                Resources:
                  Mailer:
                    Type: AWS::Serverless::Function
                    Properties:
                      Handler: a.B::handle
                      Policies:
                        - AWSLambdaBasicExecutionRole
                        - SESCrudPolicy: {IdentityName: !Ref Domain}
                        - Statement:
                            - Effect: Allow
                              Action: [ses:SendRawEmail, ses:GetAccount]
                              Resource: [!Sub 'arn:aws:ses:${AWS::Region}:${AWS::AccountId}:identity/news@${Domain}']
                            - Effect: Allow
                              Action: ses:*
                              Resource: '*'
                            - Effect: Deny
                              Action: ses:SendEmail
                              Resource: arn:aws:ses:us-east-1:000000000000:identity/blocked@example.org
                            - Effect: Allow
                              Action: sqs:SendMessage
                              Resource: arn:aws:sqs:us-east-1:000000000000:identity/not-ses
                """, "test"));

        assertThat(SesSenderIdentities.of(template, new TemplateValues(template, Map.of(), NO_RESOURCES)))
                .containsExactlyInAnyOrder("example.org", "news@example.org");
    }
}

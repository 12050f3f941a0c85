# Used by `sam build` (each function has Metadata: BuildMethod: makefile and CodeUri: .).
# SAM calls build-<LogicalId> with ARTIFACTS_DIR set; Lambda's Java runtime puts lib/*.jar on the classpath.
# Build from the repository root: `sam build --build-in-source` (the reactor needs the sibling modules).
# -Dexec.skip=true: the npm emulators are for local runs and tests only; a deployment build needs no Node.

MVN ?= mvn -B -q -Dexec.skip=true

define build_function
	$(MVN) -DskipTests -pl functions/$(1) -am package
	mkdir -p "$(ARTIFACTS_DIR)/lib"
	cp functions/$(1)/target/$(1)-*-lambda.jar "$(ARTIFACTS_DIR)/lib/"
endef

build-IntakeFunction:
	$(call build_function,intake)

build-ProcessorFunction:
	$(call build_function,processor)

build-NotifierFunction:
	$(call build_function,notifier)

build-RescoreFunction:
	$(call build_function,rescorer)

build-DocumentDeadlineFunction:
	$(call build_function,deadlines)

build-SurgeControllerFunction:
	$(call build_function,surge)

# ---- admin: both functions are one artifact (functions/admin)
build-AdminFunction:
	$(call build_function,admin)

build-StaffJobFunction:
	$(call build_function,admin)

# ---- the admin page (not a SAM build target): `make deploy-admin-page STACK=<stack name>` after `sam deploy`.
# Uploads infrastructure/admin-page to the stack's private bucket with a config.json written from the stack's
# outputs (the same shape the local runtime generates at /admin/config.json), then invalidates the CloudFront
# distribution so that the new files are served. Needs the aws CLI with credentials for the stack's account.
STACK ?= damagedesk

deploy-admin-page:
	@set -eu; \
	out() { aws cloudformation describe-stacks --stack-name "$(STACK)" \
	  --query "Stacks[0].Outputs[?OutputKey=='$$1'].OutputValue" --output text; }; \
	bucket=$$(out AdminPageBucketName); api=$$(out AdminApiUrl); pool=$$(out StaffUserPoolId); \
	client=$$(out StaffAdminClientId); distribution=$$(out AdminPageDistributionId); region=$${pool%%_*}; \
	staging=$$(mktemp -d); cp -R infrastructure/admin-page/. "$$staging/"; \
	printf '{"apiBaseUrl":"%s","cognito":{"endpoint":"https://cognito-idp.%s.amazonaws.com/","region":"%s","userPoolId":"%s","clientId":"%s"},"local":false}\n' \
	  "$$api" "$$region" "$$region" "$$pool" "$$client" > "$$staging/config.json"; \
	aws s3 sync "$$staging/" "s3://$$bucket/" --delete; \
	aws cloudfront create-invalidation --distribution-id "$$distribution" --paths '/*' > /dev/null; \
	rm -rf "$$staging"; \
	echo "Admin page: $$(out AdminPageUrl)"

.PHONY: deploy-admin-page

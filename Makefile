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

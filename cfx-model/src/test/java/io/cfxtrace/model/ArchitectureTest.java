package io.cfxtrace.model;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** the layering rules of cfx-model. */
@AnalyzeClasses(packages = "io.cfxtrace.model", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

  @ArchTest
  static final ArchRule modelKnowsNothingOfTransportOrFramework =
      noClasses()
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage("io.micronaut..", "org.apache.qpid..", "io.netty..", "java.sql..")
          .because("cfx-model is the wire model only: put AMQP code in cfx-endpoint and services in their modules");

  @ArchTest
  static final ArchRule wireStringsNeverBecomeClassesByReflection =
      noClasses()
          .should()
          .callMethod(Class.class, "forName", String.class)
          .orShould()
          .callMethod(Class.class, "forName", String.class, boolean.class, ClassLoader.class)
          .because("a $type or MessageName from a machine must resolve through CfxRegistry's closed table, never Class.forName");

  @ArchTest
  static final ArchRule generatedModelDoesNotReachIntoTheCodec =
      noClasses()
          .that()
          .resideInAPackage("io.cfxtrace.model.cfx..")
          .should()
          .dependOnClassesThat()
          .resideInAPackage("io.cfxtrace.model.codec..")
          .because("message records are plain values; only the codec knows the wire format");
}

package io.cfxtrace.model;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** the layering rules of cfx-model; each rule's reason says how to fix a violation. */
class ArchitectureTest {

  private static JavaClasses classes;

  @BeforeAll
  static void importModel() {
    classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("io.cfxtrace.model");
  }

  @Test
  void modelKnowsNothingOfTransportOrFramework() {
    noClasses()
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("io.micronaut..", "org.apache.qpid..", "io.netty..", "java.sql..")
        .because("cfx-model is the wire model only: put AMQP code in cfx-endpoint and services in their modules")
        .check(classes);
  }

  @Test
  void wireStringsNeverBecomeClassesByReflection() {
    noClasses()
        .should()
        .callMethod(Class.class, "forName", String.class)
        .orShould()
        .callMethod(Class.class, "forName", String.class, boolean.class, ClassLoader.class)
        .because("a $type or MessageName from a machine must resolve through CfxRegistry's closed table, never Class.forName")
        .check(classes);
  }

  @Test
  void generatedModelDoesNotReachIntoTheCodec() {
    noClasses()
        .that()
        .resideInAPackage("io.cfxtrace.model.cfx..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("io.cfxtrace.model.codec..")
        .because("message records are plain values; only the codec knows the wire format")
        .check(classes);
  }
}

package dev.procsim.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * What users import stays in step with the build: the BOM names every published module at the
 * reactor's version, and the outside project (the README's user pom) asks for that version.
 */
class PublishingTest {
  private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

  @Test
  void theBomManagesEveryPublishedModuleAtTheReactorsVersion() throws Exception {
    String version = childText(pom("pom.xml"), "version");
    Document bom = pom("procsim-bom/pom.xml");
    assertThat(childText(bom, "version")).isEqualTo(version);
    List<String> managed = new ArrayList<>();
    NodeList dependencies = bom.getElementsByTagName("dependency");
    for (int i = 0; i < dependencies.getLength(); i++) {
      Element dependency = (Element) dependencies.item(i);
      assertThat(text(dependency, "version"))
          .as("version of %s", text(dependency, "artifactId"))
          .isEqualTo(version);
      managed.add(text(dependency, "artifactId"));
    }
    assertThat(managed)
        .containsExactlyInAnyOrder("sim-core", "sim-junit", "sim-check", "sim-maelstrom");
  }

  @Test
  void theOutsideProjectStandsAloneOnTheReactorsVersion() throws Exception {
    String version = childText(pom("pom.xml"), "version");
    Document outside = pom("examples/outside-project/pom.xml");
    assertThat(outside.getElementsByTagName("parent").getLength())
        .as("a user's project has no procsim parent")
        .isZero();
    Element properties = (Element) outside.getElementsByTagName("properties").item(0);
    assertThat(text(properties, "procsim.version")).isEqualTo(version);
    assertThat(text(properties, "maven.compiler.release")).isEqualTo("17");
  }

  private static Document pom(String path) throws Exception {
    return DocumentBuilderFactory.newInstance()
        .newDocumentBuilder()
        .parse(ROOT.resolve(path).toFile());
  }

  /** The text of a direct child of the project element (not of its parent or dependencies). */
  private static String childText(Document pom, String name) {
    for (Node n = pom.getDocumentElement().getFirstChild(); n != null; n = n.getNextSibling()) {
      if (n instanceof Element e && e.getTagName().equals(name)) {
        return e.getTextContent().strip();
      }
    }
    throw new AssertionError(name + " is not set in the pom");
  }

  private static String text(Element parent, String name) {
    return parent.getElementsByTagName(name).item(0).getTextContent().strip();
  }
}

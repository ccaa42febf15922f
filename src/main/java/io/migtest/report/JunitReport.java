package io.migtest.report;

import io.migtest.report.JunitSuites.Case;
import io.migtest.report.JunitSuites.Outcome;
import io.migtest.report.JunitSuites.Suite;
import java.io.StringWriter;
import java.util.List;
import java.util.Locale;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * Renders {@code junit.xml} for the test-report actions of CI systems (dorny/test-reporter,
 * mikepenz/action-junit-report, EnricoMi/publish-unit-test-result-action): a {@code testsuite} per
 * gate with a {@code testcase} per finding, and one of the tests the gates ran. It keeps to
 * Jenkins' JUnit XSD, which has no {@code file} or {@code line} on a test case: the location is in
 * the test case's name and in its failure's text.
 */
public final class JunitReport implements ReportRenderer {
  private static final XMLOutputFactory FACTORY = XMLOutputFactory.newDefaultFactory();

  @Override
  public String fileName() {
    return "junit.xml";
  }

  @Override
  public String render(RunReport report) {
    List<Suite> suites = JunitSuites.of(report);
    StringWriter out = new StringWriter();
    try {
      XMLStreamWriter xml = FACTORY.createXMLStreamWriter(out);
      xml.writeStartDocument("UTF-8", "1.0");
      xml.writeCharacters("\n");
      xml.writeStartElement("testsuites");
      xml.writeAttribute("name", "migtest");
      xml.writeAttribute(
          "tests", String.valueOf(suites.stream().mapToLong(s -> s.cases().size()).sum()));
      xml.writeAttribute("failures", String.valueOf(count(suites, Outcome.FAILURE)));
      xml.writeAttribute("errors", String.valueOf(count(suites, Outcome.ERROR)));
      xml.writeAttribute("time", seconds(suites.stream().mapToLong(Suite::millis).sum()));
      for (Suite suite : suites) {
        suite(xml, suite);
      }
      xml.writeCharacters("\n");
      xml.writeEndElement();
      xml.writeEndDocument();
      xml.close();
    } catch (XMLStreamException e) {
      throw new IllegalStateException("writing XML into a string does not fail", e);
    }
    return out + "\n";
  }

  private static void suite(XMLStreamWriter xml, Suite suite) throws XMLStreamException {
    xml.writeCharacters("\n  ");
    xml.writeStartElement("testsuite");
    xml.writeAttribute("name", suite.name());
    xml.writeAttribute("tests", String.valueOf(suite.cases().size()));
    xml.writeAttribute("failures", String.valueOf(suite.count(Outcome.FAILURE)));
    xml.writeAttribute("errors", String.valueOf(suite.count(Outcome.ERROR)));
    xml.writeAttribute("skipped", String.valueOf(suite.count(Outcome.SKIPPED)));
    xml.writeAttribute("time", seconds(suite.millis()));
    for (Case c : suite.cases()) {
      testCase(xml, c);
    }
    if (suite.text() != null) {
      xml.writeCharacters("\n    ");
      textElement(xml, "system-out", suite.text());
    }
    xml.writeCharacters("\n  ");
    xml.writeEndElement();
  }

  private static void testCase(XMLStreamWriter xml, Case c) throws XMLStreamException {
    boolean empty = c.outcome() == Outcome.PASSED && (c.text() == null || c.text().isEmpty());
    xml.writeCharacters("\n    ");
    if (empty) {
      xml.writeEmptyElement("testcase");
    } else {
      xml.writeStartElement("testcase");
    }
    xml.writeAttribute("classname", XmlText.attribute(c.classname()));
    xml.writeAttribute("name", XmlText.attribute(c.name()));
    xml.writeAttribute("time", seconds(c.millis()));
    if (empty) {
      return;
    }
    switch (c.outcome()) {
      case PASSED -> {
        xml.writeCharacters("\n      ");
        textElement(xml, "system-out", c.text());
      }
      case SKIPPED -> {
        xml.writeCharacters("\n      ");
        textElement(xml, "skipped", c.text());
      }
      case FAILURE, ERROR -> {
        xml.writeCharacters("\n      ");
        xml.writeStartElement(c.outcome() == Outcome.FAILURE ? "failure" : "error");
        if (c.message() != null) {
          xml.writeAttribute("message", XmlText.attribute(c.message()));
        }
        xml.writeCharacters(XmlText.content(c.text()));
        xml.writeEndElement();
      }
    }
    xml.writeCharacters("\n    ");
    xml.writeEndElement();
  }

  private static void textElement(XMLStreamWriter xml, String name, String text)
      throws XMLStreamException {
    xml.writeStartElement(name);
    xml.writeCharacters(XmlText.content(text));
    xml.writeEndElement();
  }

  private static long count(List<Suite> suites, Outcome outcome) {
    return suites.stream().mapToLong(s -> s.count(outcome)).sum();
  }

  private static String seconds(long millis) {
    return String.format(Locale.ROOT, "%.3f", millis / 1000.0);
  }
}

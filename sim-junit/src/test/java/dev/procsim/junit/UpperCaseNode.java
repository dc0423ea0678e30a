package dev.procsim.junit;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;

/** A Java component for the tests: prints every line it receives in upper case. */
public final class UpperCaseNode {
  private UpperCaseNode() {}

  /** Reads stdin until it ends. */
  public static void main(String[] args) throws IOException {
    BufferedReader in =
        new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
    String line;
    while ((line = in.readLine()) != null) {
      System.out.println(line.toUpperCase(java.util.Locale.ROOT));
      System.out.flush();
    }
  }
}

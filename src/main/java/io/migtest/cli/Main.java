package io.migtest.cli;

/** Entry point. */
public final class Main {
  public static void main(String[] args) {}
}

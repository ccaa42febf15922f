package io.migtest.fs;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Deleting a tree removes links, never what they point to. */
class TreeDeletionTest {
  @TempDir Path work;

  @Test
  void linksInTheTreeAreRemovedAndTheirTargetsKept() throws Exception {
    Path victim = Files.createDirectories(work.resolve("victim"));
    Files.writeString(victim.resolve("precious.txt"), "keep me");
    Path tree = Files.createDirectories(work.resolve("tree/a/b"));
    Files.writeString(tree.resolve("file.txt"), "x");
    Files.createSymbolicLink(tree.resolve("to-folder"), victim);
    Files.createSymbolicLink(work.resolve("tree/to-file"), victim.resolve("precious.txt"));
    TreeDeletion.delete(work.resolve("tree"));
    assertThat(work.resolve("tree")).doesNotExist();
    assertThat(victim.resolve("precious.txt")).hasContent("keep me");
  }

  @Test
  void aTreeThatIsItselfALinkLosesOnlyTheLink() throws Exception {
    Path victim = Files.createDirectories(work.resolve("victim"));
    Files.writeString(victim.resolve("precious.txt"), "keep me");
    Path link = Files.createSymbolicLink(work.resolve("link"), victim);
    TreeDeletion.delete(link);
    assertThat(link).doesNotExist();
    assertThat(victim.resolve("precious.txt")).hasContent("keep me");
  }
}

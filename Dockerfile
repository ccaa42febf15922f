# migtest's container image: the GitHub container action (action.yml builds this file on every job,
# or pulls the published image) and the CLI (`docker run <image> check .`).
#
# Plain `docker build` syntax only (the runner builds with whatever builder the host has): no
# mount options on RUN, no here-documents, no parser directive. Multi-arch: the same file builds linux/amd64 and
# linux/arm64 (docker buildx build --platform linux/amd64,linux/arm64); the jar carries the
# PostgreSQL binaries of both and the training run below extracts the ones of the image's arch.
# A static test (src/test/java/io/migtest/packaging/DockerfileTest.java) checks these rules.

# ---- Stage 1: the runnable jar ------------------------------------------------------------
FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /src
# The dependencies in a layer of their own, rebuilt only when pom.xml changes.
COPY pom.xml ./
RUN mvn -B -q dependency:go-offline
# Only the main sources: a change to the tests does not rebuild the jar. Tests run in CI, not here.
COPY src/main ./src/main
RUN mvn -B -q package -Dmaven.test.skip=true \
 && cp target/migtest.jar /migtest.jar

# ---- Stage 2: the runtime -----------------------------------------------------------------
# Eclipse Temurin's JRE 17 on Ubuntu 24.04: a published multi-arch (amd64, arm64) Java runtime
# with its default CDS archive, smaller than debian:bookworm-slim plus openjdk-17-jre-headless
# (which pulls cups, fontconfig, harfbuzz and ALSA libraries a headless CLI never loads).
FROM eclipse-temurin:17-jre-noble

# git: reads the base branch's migrations. util-linux: setpriv, which starts PostgreSQL and the
# test command as the unprivileged account below (works under Docker's default seccomp profile,
# unlike unshare). postgresql-client: psql for test commands and psql-style scripts.
# ca-certificates: TLS to the GitHub API and to a database given by URL.
# `migtest` is the account PostgreSQL runs as: the action runs as root (no USER instruction),
# PostgreSQL refuses root. The workspace belongs to the runner's uid, so git needs it declared
# safe; only that folder, never '*' (migtest also passes the repository's own root to every git
# command it runs, so checkouts under a path work too).
RUN apt-get update \
 && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends \
      ca-certificates git postgresql-client util-linux \
 && { command -v setpriv >/dev/null \
      || DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends setpriv; } \
 && command -v setpriv && command -v git && command -v psql \
 && rm -rf /var/lib/apt/lists/* \
 && useradd --system --user-group --no-create-home --home-dir /nonexistent \
      --shell /usr/sbin/nologin migtest \
 && git config --system --add safe.directory /github/workspace

COPY --from=build /migtest.jar /app/migtest.jar

# A training run on the example project, as root like the action: it extracts the PostgreSQL
# binaries, which then move to /opt/migtest/postgres (root-owned, 0755), where
# MIGTEST_POSTGRES_BINARIES points migtest: a cold container neither extracts nor reads the archive
# in the jar, whatever the workflow mounts on /tmp or sets as TMPDIR. The initialized empty
# cluster it keeps beside them moves to /opt/migtest/postgres.initdb (root's, 0700): servers start
# from a copy of it instead of running initdb. A second copy whose data/ already belongs to
# `migtest`, /opt/migtest/postgres.single-use (the folder is root's), is where the first server of
# each container starts in place, without any copy: it claims it with a file that the server's
# account can neither create nor remove, so a later server in the same container copies the kept
# one. The run starts PostgreSQL through setpriv as `migtest` (so a broken image fails here, not
# in a user's job), and records the classes it loads into an AppCDS archive that the ENTRYPOINT
# maps. The jar's path must be the same at training and at run time. The training's home (with
# the parse cache's signing key) is removed: a key baked into a public image would let anyone sign
# a cache a pull request commits.
COPY examples/shop /tmp/migtest-training/shop
RUN HOME=/tmp/migtest-training/home \
    java -XX:ArchiveClassesAtExit=/app/migtest.jsa -Xlog:disable -Xlog:all=error:stderr \
      -jar /app/migtest.jar check /tmp/migtest-training/shop \
      --report-dir /tmp/migtest-training/report --timeout 10m \
 && test -x /tmp/migtest-postgres-0/pg-*/bin/postgres \
 && test -s /app/migtest.jsa \
 && test -s /tmp/migtest-postgres-0/pg-*.initdb/stamp \
 && mkdir -p /opt/migtest \
 && mv /tmp/migtest-postgres-0/pg-*.initdb /opt/migtest/postgres.initdb \
 && mv /tmp/migtest-postgres-0/pg-* /opt/migtest/postgres \
 && chown -R root:root /opt/migtest \
 && chmod -R go-w /opt/migtest \
 && cp -a /opt/migtest/postgres.initdb /opt/migtest/postgres.single-use \
 && chmod 0755 /opt/migtest/postgres.single-use \
 && chown -R migtest:migtest /opt/migtest/postgres.single-use/data \
 && rm -rf /tmp/migtest-training /tmp/migtest-postgres-0 \
 && chmod 0444 /app/migtest.jsa
ENV MIGTEST_POSTGRES_BINARIES=/opt/migtest/postgres

# Exec form with absolute paths (no shell, so signals reach the JVM; a step's PATH cannot change
# which java runs). action.yml's `args: [action]` replaces CMD, so the action runs
# `java ... -jar /app/migtest.jar action`; `docker run <image> check .` runs the CLI.
# -Xshare:auto falls back silently when the archive does not fit the JVM. TieredStopAtLevel=1
# keeps the JIT to its quick compiler: a run is seconds to minutes of parsing and waiting for
# PostgreSQL, where the optimizing compiler's own work on two cores costs more than it gains
# (measured: first migration statement 1.3-1.5 s instead of 1.7-1.9 s from process start; lint of
# 2,000 files 7.8 s instead of 12.2 s). UseParallelGC: the throughput collector, without G1's
# concurrent threads and write barriers, which on two cores cost a run more than its short pauses
# save (measured: lint of 2,000 files with the parse cache 2.4-2.6 s instead of 2.6-2.8 s; the
# mutation gate no slower). -Xmn64m: a young generation of fixed size; parsing allocates about
# 85 KB per statement (JSqlParser's parser objects), and the collector's adaptive sizing would
# otherwise grow it to hundreds of megabytes whose first touch the kernel pays for (measured: lint
# of 2,000 files with an empty parse cache 2.1-2.2 s instead of 2.7 s, 1.5 s less system time,
# 220 MB resident instead of 930 MB; the mutation gate no slower). JVM warnings go to
# stderr, so stdout carries only migtest's own output and workflow commands.
# The runner mounts the checkout here and sets it as the working folder; `docker run -v
# "$PWD":/github/workspace <image> check .` gets the same safe.directory.
WORKDIR /github/workspace
ENTRYPOINT ["/opt/java/openjdk/bin/java", "-XX:SharedArchiveFile=/app/migtest.jsa", "-Xshare:auto", "-XX:TieredStopAtLevel=1", "-XX:+UseParallelGC", "-Xmn64m", "-Xlog:disable", "-Xlog:all=warning:stderr", "-jar", "/app/migtest.jar"]
CMD ["action"]

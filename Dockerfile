# Build and run Passerelle. Configuration goes in /app/config (application-<profile>.yaml,
# connections.yaml) and the environment (PASSERELLE_SECRET_KEY, PASSERELLE_ADMIN_TOKEN,
# SPRING_PROFILES_ACTIVE, SPRING_DATASOURCE_URL ...); state in /app/data.
#
# Without SPRING_PROFILES_ACTIVE the image runs the sandbox (embedded H2 in /app/data, simulators); a deployment sets
# SPRING_PROFILES_ACTIVE=production (PostgreSQL, see config/application-production.yaml, which the jar carries).
#
# The same sources and the same base images give the same jar (project.build.outputTimestamp in pom.xml). For a
# byte-for-byte repeatable image, pin the bases by digest:
#   docker build --build-arg JDK_IMAGE=eclipse-temurin:17-jdk-noble@sha256:… --build-arg JRE_IMAGE=eclipse-temurin:17-jre-noble@sha256:… .
ARG JDK_IMAGE=eclipse-temurin:17-jdk-noble
ARG JRE_IMAGE=eclipse-temurin:17-jre-noble

FROM ${JDK_IMAGE} AS build
WORKDIR /src
COPY .mvn/ .mvn/
COPY mvnw pom.xml ./
RUN ./mvnw -B -ntp dependency:go-offline
COPY src/ src/
COPY routes/ routes/
COPY config/ config/
RUN ./mvnw -B -ntp -DskipTests package

FROM ${JRE_IMAGE}
# A fixed uid and gid, so that a volume or a Kubernetes securityContext (runAsUser/fsGroup: 10001) can match them.
# The jar and /app/config belong to root and are only readable by the application: it writes to /app/data alone.
# curl is the health check's probe: Temurin's Ubuntu images ship it, and the build stops here if a future base does
# not, rather than making an image that is never healthy. (A probe in Java would start a second JVM every interval.)
RUN groupadd --system --gid 10001 passerelle \
    && useradd --system --uid 10001 --gid passerelle --home-dir /app --no-create-home --shell /usr/sbin/nologin passerelle \
    && mkdir -p /app/data /app/config \
    && chown passerelle:passerelle /app/data \
    && chmod 0750 /app/data \
    && command -v curl >/dev/null
WORKDIR /app
COPY --from=build --chown=root:root /src/target/passerelle-*.jar /app/passerelle.jar
USER passerelle:passerelle
EXPOSE 8080
# after the chown: a new volume starts with /app/data's owner and mode
VOLUME ["/app/data"]
# healthy = ready: migrated, bootstrapped, accepting traffic. Not /actuator/health, whose components include the
# ERPs' routes: a customer's ERP being down must not make the instance unhealthy (and restarted).
# start-period covers Flyway on an empty database; SERVER_PORT is read when the check runs
HEALTHCHECK --interval=30s --timeout=5s --start-period=120s --retries=3 \
    CMD curl -fsS -o /dev/null "http://127.0.0.1:${SERVER_PORT:-8080}/actuator/health/readiness" || exit 1
# SIGTERM (docker stop) starts the graceful shutdown; give it more than its phase timeout: docker stop -t 60
STOPSIGNAL SIGTERM
# exec form: java is PID 1 and receives the signal itself
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75", "-jar", "/app/passerelle.jar"]

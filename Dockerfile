# Build and run Passerelle. Configuration goes in /app/config (application-<profile>.yaml,
# connections.yaml) and the environment (PASSERELLE_SECRET_KEY, PASSERELLE_ADMIN_TOKEN,
# SPRING_PROFILES_ACTIVE, SPRING_DATASOURCE_URL ...); state in /app/data.
FROM eclipse-temurin:17-jdk AS build
WORKDIR /src
COPY .mvn/ .mvn/
COPY mvnw pom.xml ./
RUN ./mvnw -B -ntp dependency:go-offline
COPY src/ src/
COPY routes/ routes/
COPY config/ config/
RUN ./mvnw -B -ntp -DskipTests package

FROM eclipse-temurin:17-jre
WORKDIR /app
RUN useradd --system --home /app passerelle && mkdir -p /app/data /app/config && chown -R passerelle /app
COPY --from=build /src/target/passerelle-*.jar /app/passerelle.jar
USER passerelle
EXPOSE 8080
VOLUME ["/app/data"]
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75", "-jar", "/app/passerelle.jar"]

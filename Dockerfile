# The hub image used by docker-compose.yml. Build: docker build -t dovetail .
FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /build
COPY . .
RUN ./mvnw -B -q -DskipTests -pl src/app -am package

FROM eclipse-temurin:17-jre
WORKDIR /opt/dovetail
COPY --from=build /build/src/app/target/dovetail-app.jar ./dovetail-app.jar
COPY --from=build /build/src/app/target/lib ./lib
# 8080: the hub. 9464: /metrics when DOVETAIL_METRICS_PORT=9464 (operators' network only). Hazelcast (5701) is not
# exposed: it stays on the hubs' private network (docs/security.md).
EXPOSE 8080 9464
USER 10001
# Hazelcast's --add-opens list and a heap sized for a 2-core / 1-2 GB container (the same flags as ./dovetail).
# `docker stop` sends SIGTERM: the hub drains and stops gracefully (docs/operations.md); exec form keeps java PID 1.
ENTRYPOINT ["java", "--add-modules", "java.se", "--add-exports", "java.base/jdk.internal.ref=ALL-UNNAMED", \
    "--add-opens", "java.base/java.lang=ALL-UNNAMED", "--add-opens", "java.base/sun.nio.ch=ALL-UNNAMED", \
    "--add-opens", "java.management/sun.management=ALL-UNNAMED", \
    "--add-opens", "jdk.management/com.sun.management.internal=ALL-UNNAMED", \
    "-XX:MaxRAMPercentage=60", "-XX:+ExitOnOutOfMemoryError", "-jar", "/opt/dovetail/dovetail-app.jar"]

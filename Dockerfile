# The hub image used by docker-compose.yml. Build: docker build -t dovetail .
FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /build
COPY . .
RUN ./mvnw -B -q -DskipTests -pl src/app -am package

FROM eclipse-temurin:17-jre
WORKDIR /opt/dovetail
COPY --from=build /build/src/app/target/dovetail-app.jar ./dovetail-app.jar
COPY --from=build /build/src/app/target/lib ./lib
# Only HTTP is meant for the outside; Hazelcast (5701) stays on the hubs' private network (docs/security.md).
EXPOSE 8080
USER 10001
ENTRYPOINT ["java", "-jar", "/opt/dovetail/dovetail-app.jar"]

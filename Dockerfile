# The hub image used by docker-compose.yml. Build: docker build -t dovetail .
FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /build
COPY . .
RUN ./mvnw -B -q -DskipTests -pl src/app -am package

FROM eclipse-temurin:17-jre
WORKDIR /opt/dovetail
COPY --from=build /build/src/app/target/dovetail-app.jar ./dovetail-app.jar
COPY --from=build /build/src/app/target/lib ./lib
EXPOSE 8080 5701
USER 10001
ENTRYPOINT ["java", "-jar", "/opt/dovetail/dovetail-app.jar"]

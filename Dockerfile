# Production image: builds the production jar, then runs it on a JRE.
FROM maven:3.9-eclipse-temurin-21 AS build
WORKDIR /build
COPY pom.xml .
COPY src src
COPY frontend frontend
RUN mvn -B -Pproduction -DskipTests package

FROM eclipse-temurin:21-jre
RUN useradd --system --uid 10001 participe
WORKDIR /app
COPY --from=build /build/target/participe-*.jar /app/participe.jar
USER participe
EXPOSE 8080
ENV JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=75"
ENTRYPOINT ["java", "-jar", "/app/participe.jar"]

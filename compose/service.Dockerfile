# One image recipe for every service, JVM mode. Build the jars first (./mvnw -B -DskipTests package), then from the
# repository's root, for example:
#   docker build -f compose/service.Dockerfile --build-arg SERVICE=activation-service --build-arg PORT=8082 -t teken/activation-service .
# (docker-compose.yml does this for each service; .dockerignore sends only the services' quarkus-app and jvm.options.)
FROM eclipse-temurin:17-jre
ARG SERVICE
ARG PORT
RUN test -n "$SERVICE" && test -n "$PORT" \
    && groupadd --system --gid 1001 teken && useradd --system --uid 1001 --gid teken --home-dir /deployments --shell /usr/sbin/nologin teken \
    && mkdir -p /var/lib/teken/ca && chown 1001:1001 /var/lib/teken/ca && chmod 700 /var/lib/teken/ca
WORKDIR /deployments
COPY --chown=1001:1001 ${SERVICE}/target/quarkus-app/lib/ lib/
COPY --chown=1001:1001 ${SERVICE}/target/quarkus-app/*.jar ./
COPY --chown=1001:1001 ${SERVICE}/target/quarkus-app/app/ app/
COPY --chown=1001:1001 ${SERVICE}/target/quarkus-app/quarkus/ quarkus/
# Heap, GC and stack sizes for this service (the same file ./teken uses).
COPY --chown=1001:1001 ${SERVICE}/jvm.options ./
USER 1001
# Listen on every interface inside the container; every other setting comes from the environment (see README). The
# management port (health, metrics) is the service port + 1000, bound to 127.0.0.1 unless TEKEN_MANAGEMENT_HOST says
# otherwise: never publish it. certificate-service keeps its CA key store on a volume at /var/lib/teken/ca.
ENV TEKEN_BIND_HOST=0.0.0.0 \
    TEKEN_MANAGEMENT_PORT_CHECK=${PORT} \
    JAVA_OPTS=""
EXPOSE ${PORT}
HEALTHCHECK --interval=10s --timeout=5s --start-period=90s --retries=6 \
    CMD curl -fsS "http://127.0.0.1:$((TEKEN_MANAGEMENT_PORT_CHECK + 1000))/q/health/ready" >/dev/null || exit 1
ENTRYPOINT ["sh", "-c", "exec java @jvm.options $JAVA_OPTS -jar quarkus-run.jar"]

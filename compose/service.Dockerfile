# One image recipe for every service, JVM mode. Build the jars first (./mvnw -B -DskipTests package), then from the
# repository's root, for example:
#   docker build -f compose/service.Dockerfile --build-arg SERVICE=activation-service --build-arg PORT=8082 -t teken/activation-service .
# (docker-compose.yml does this for each service; .dockerignore sends only the services' quarkus-app and jvm.options.)
FROM eclipse-temurin:17-jre
ARG SERVICE
ARG PORT
# Debian packages a service needs besides the JRE (certificate-service: softhsm2, a PKCS#11 token for the CA keys where
# no hardware HSM is at hand; a hardware HSM's own PKCS#11 module is mounted in instead).
ARG PACKAGES=""
RUN if [ -n "$PACKAGES" ]; then apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $PACKAGES \
      && rm -rf /var/lib/apt/lists/*; fi
RUN test -n "$SERVICE" && test -n "$PORT" \
    && groupadd --system --gid 1001 teken && useradd --system --uid 1001 --gid teken --home-dir /deployments --shell /usr/sbin/nologin teken \
    && mkdir -p /var/lib/teken/ca /var/lib/teken/hsm/tokens /etc/teken && chown -R 1001:1001 /var/lib/teken && chmod 700 /var/lib/teken/ca /var/lib/teken/hsm \
    && printf 'directories.tokendir = /var/lib/teken/hsm/tokens\nobjectstore.backend = file\nlog.level = ERROR\n' > /etc/teken/softhsm2.conf \
    && printf '#!/bin/sh\n# The CA key ceremony (docs/operations.md): root, issuing-csr, sign-issuing, import-issuing, root-crl, status\nexec java -Djava.util.logging.manager=org.jboss.logmanager.LogManager -cp "/deployments/lib/boot/*:/deployments/lib/main/*:/deployments/app/*" id.teken.certificate.adapter.out.ca.CaCeremony "$@"\n' > /usr/local/bin/teken-ca \
    && chmod 755 /usr/local/bin/teken-ca
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
    SOFTHSM2_CONF=/etc/teken/softhsm2.conf \
    JAVA_OPTS=""
EXPOSE ${PORT}
HEALTHCHECK --interval=10s --timeout=5s --start-period=90s --retries=6 \
    CMD curl -fsS "http://127.0.0.1:$((TEKEN_MANAGEMENT_PORT_CHECK + 1000))/q/health/ready" >/dev/null || exit 1
ENTRYPOINT ["sh", "-c", "exec java @jvm.options $JAVA_OPTS -jar quarkus-run.jar"]

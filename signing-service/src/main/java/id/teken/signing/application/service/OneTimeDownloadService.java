package id.teken.signing.application.service;

import id.teken.signing.application.port.in.OneTimeDownloadUseCase;
import id.teken.signing.application.port.out.PendingDownloads;
import id.teken.signing.domain.DomainException;
import id.teken.signing.domain.ErrorCode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/** Keeps the bytes no longer than the retention time (default 1 hour) and hands them out once. */
@ApplicationScoped
public class OneTimeDownloadService implements OneTimeDownloadUseCase {

    private final PendingDownloads downloads;
    private final Clock clock;
    private final Duration retention;

    @Inject
    public OneTimeDownloadService(PendingDownloads downloads, Clock clock, @Named("downloadRetention") Duration retention) {
        this.downloads = downloads;
        this.clock = clock;
        this.retention = retention;
    }

    @Override
    @Transactional
    public void keep(String documentId, String clientId, String fileName, byte[] pdf) {
        Instant now = clock.instant();
        downloads.dropOlderThan(now.minus(retention));
        downloads.store(UUID.fromString(documentId), clientId, fileName, pdf, now);
    }

    @Override
    @Transactional
    public int purgeExpired() {
        return downloads.dropOlderThan(clock.instant().minus(retention));
    }

    @Override
    @Transactional
    public Download take(String documentId, String clientId) {
        UUID id;
        try {
            id = UUID.fromString(documentId);
        } catch (IllegalArgumentException e) {
            throw new DomainException(ErrorCode.DOCUMENT_NOT_FOUND, "Dokumen tidak ditemukan");
        }
        Instant now = clock.instant();
        PendingDownloads.Pending pending = downloads.find(id).filter(p -> p.clientId().equals(clientId))
                .orElseThrow(() -> new DomainException(ErrorCode.DOCUMENT_NOT_FOUND, "Dokumen tidak ditemukan"));
        if (pending.downloadedAt() != null) {
            throw new DomainException(ErrorCode.DOCUMENT_ALREADY_DOWNLOADED, "Dokumen telah didownload sebelumnya");
        }
        if (pending.pdf() == null || pending.createdAt().isBefore(now.minus(retention))) {
            throw new DomainException(ErrorCode.DOCUMENT_NOT_FOUND, "Dokumen sudah tidak tersedia (batas waktu unduh lewat).");
        }
        if (!downloads.take(id, now)) {
            throw new DomainException(ErrorCode.DOCUMENT_ALREADY_DOWNLOADED, "Dokumen telah didownload sebelumnya");
        }
        return new Download(pending.fileName(), pending.pdf());
    }
}

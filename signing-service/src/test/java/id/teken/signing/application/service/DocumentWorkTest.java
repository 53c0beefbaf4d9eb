package id.teken.signing.application.service;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class DocumentWorkTest {

    private final DocumentWork work = new DocumentWork(2);

    @Test
    void resultsComeInTheDocumentsOrder_andRunOnAtMostTheWorkers() {
        Set<String> threads = ConcurrentHashMap.newKeySet();
        AtomicInteger running = new AtomicInteger();
        AtomicInteger most = new AtomicInteger();
        List<Integer> out = work.each(20, i -> {
            threads.add(Thread.currentThread().getName());
            most.accumulateAndGet(running.incrementAndGet(), Math::max);
            try {
                Thread.sleep(20 - i);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            running.decrementAndGet();
            return i * i;
        });
        assertThat(out).hasSize(20).startsWith(0, 1, 4, 9).endsWith(361);
        assertThat(threads).hasSizeLessThanOrEqualTo(2);
        assertThat(most.get()).isLessThanOrEqualTo(2);
    }

    @Test
    void theFirstFailingDocumentByPosition_isTheOneReported_evenWhenALaterOneFailsFirst() {
        DocumentWork.Failed failed = catchThrowableOfType(DocumentWork.Failed.class, () -> work.each(6, i -> {
            if (i == 5) {
                throw new IllegalArgumentException("file 5");
            }
            if (i == 3) {
                try {
                    Thread.sleep(100);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                throw new IllegalStateException("file 3");
            }
            return i;
        }));
        assertThat(failed.index()).isEqualTo(3);
        assertThat(failed.getCause()).isInstanceOf(IllegalStateException.class).hasMessage("file 3");
    }

    @Test
    void oneDocument_runsOnTheCallersThread() {
        String caller = Thread.currentThread().getName();
        assertThat(work.each(1, i -> Thread.currentThread().getName())).containsExactly(caller);
        DocumentWork.Failed failed = catchThrowableOfType(DocumentWork.Failed.class, () -> work.each(1, i -> {
            throw new IllegalStateException("rusak");
        }));
        assertThat(failed.index()).isZero();
    }
}

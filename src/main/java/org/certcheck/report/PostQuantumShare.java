package org.certcheck.report;

import java.util.List;
import java.util.Optional;

/**
 * How many of the reached hosts agreed on a post-quantum key exchange (an ML-KEM hybrid such as
 * X25519MLKEM768): the fleet summary line and the JSON field {@code postQuantum} (issue 15 item 2).
 *
 * @param postQuantum hosts whose key exchange was post-quantum
 * @param reached     hosts with a handshake whose posture is known (the others cannot say)
 */
record PostQuantumShare(int postQuantum, int reached) {
    static PostQuantumShare of(List<Verdict> verdicts) {
        int reached = 0;
        int postQuantum = 0;
        for (Verdict verdict : verdicts) {
            Optional<CryptoPosture> posture = verdict.connection().flatMap(Connection::posture);
            if (posture.isPresent()) {
                reached++;
                if (posture.get().postQuantum()) {
                    postQuantum++;
                }
            }
        }
        return new PostQuantumShare(postQuantum, reached);
    }

    /** {@code 3 of 12 hosts use a post-quantum key exchange}. */
    String line() {
        return postQuantum + " of " + reached + (reached == 1 ? " host uses" : " hosts use")
                + " a post-quantum key exchange";
    }
}

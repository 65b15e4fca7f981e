package operator

import (
	"fmt"
	"testing"
)

// The fixed dummy hash must carry today's parameters, or an unknown
// address would cost less to check than a known one.
func TestDummyHashHasCurrentParameters(t *testing.T) {
	want := fmt.Sprintf("$argon2id$v=19$m=%d,t=%d,p=%d$", argonMemory, argonTime, argonThreads)
	if dummyHash[:len(want)] != want {
		t.Fatalf("dummy hash %q does not start with %q", dummyHash, want)
	}
	if ok, err := CheckPassword(dummyHash, "not a real password"); err != nil || ok {
		t.Fatalf("CheckPassword(dummy) = %v, %v; want a well-formed hash matching nothing", ok, err)
	}
}

package mailbox

import (
	"context"
	"time"
)

// Manager runs one syncer goroutine per enabled mailbox and follows
// changes: at once for changes made on this node, within Reload for
// changes made on another.
type Manager struct {
	Syncer *Syncer
	Reload time.Duration // one minute when zero
}

type worker struct {
	version time.Time // the settings it runs with
	cancel  context.CancelFunc
	done    chan struct{}
}

// Run manages the syncers until ctx ends, then stops them all.
func (mg *Manager) Run(ctx context.Context) {
	reload := mg.Reload
	if reload <= 0 {
		reload = time.Minute
	}
	t := time.NewTicker(reload)
	defer t.Stop()
	running := map[int64]*worker{}
	defer func() {
		for id := range running {
			mg.stop(running, id)
		}
	}()
	for {
		mg.reconcile(ctx, running)
		select {
		case <-ctx.Done():
			return
		case <-t.C:
		case <-mg.Syncer.Mailboxes.Changed():
		}
	}
}

func (mg *Manager) reconcile(ctx context.Context, running map[int64]*worker) {
	list, err := mg.Syncer.Mailboxes.Enabled(ctx)
	if err != nil {
		if mg.Syncer.Log != nil && ctx.Err() == nil {
			mg.Syncer.Log.Error("list imap mailboxes", "err", err)
		}
		return // keep what runs; try again at the next tick
	}
	want := map[int64]time.Time{}
	for _, m := range list {
		want[m.ID] = m.UpdatedAt
	}
	for id, w := range running {
		if v, ok := want[id]; !ok || !v.Equal(w.version) {
			mg.stop(running, id)
		}
	}
	for id, v := range want {
		if _, ok := running[id]; !ok {
			mg.start(ctx, running, id, v)
		}
	}
}

func (mg *Manager) start(ctx context.Context, running map[int64]*worker, id int64, version time.Time) {
	wctx, cancel := context.WithCancel(ctx)
	w := &worker{version: version, cancel: cancel, done: make(chan struct{})}
	running[id] = w
	go func() {
		defer close(w.done)
		mg.Syncer.Run(wctx, id)
	}()
}

func (mg *Manager) stop(running map[int64]*worker, id int64) {
	w := running[id]
	w.cancel()
	<-w.done
	delete(running, id)
}

// Command ferretdb runs FerretDB, a MongoDB wire-protocol server, on SQLite files: Malipo's
// embedded database for `npm start` and the tests when MONGO_URI is not set.
//
// It wraps FerretDB's embeddable package rather than building its own command, whose version
// check panics when built from the module proxy (it expects a generated version.txt), and puts
// a proxy in front of it that makes single-document writes atomic (see serialize.go).
package main

import (
	"context"
	"flag"
	"fmt"
	"log/slog"
	"net"
	"os"
	"os/signal"
	"path/filepath"
	"syscall"
	"time"

	"github.com/FerretDB/FerretDB/ferretdb"
)

func main() {
	listen := flag.String("listen", "127.0.0.1:27018", "TCP address to listen on")
	dataDir := flag.String("data", "./data/ferretdb", "directory of the SQLite database files")
	logLevel := flag.String("log-level", "warn", "debug, info, warn or error")
	flag.Parse()

	var level slog.Level
	if err := level.UnmarshalText([]byte(*logLevel)); err != nil {
		fail(err)
	}
	logger := slog.New(slog.NewTextHandler(os.Stderr, &slog.HandlerOptions{Level: level}))

	if err := os.MkdirAll(*dataDir, 0o755); err != nil {
		fail(err)
	}

	// FerretDB itself listens on a private unix socket; clients reach it through the proxy
	// (see serialize.go). The socket lives in a fresh temporary directory: paths are short.
	socketDir, err := os.MkdirTemp("", "ferretdb-")
	if err != nil {
		fail(err)
	}
	defer os.RemoveAll(socketDir)
	socket := filepath.Join(socketDir, "ferretdb.sock")

	db, err := ferretdb.New(&ferretdb.Config{
		Listener:  ferretdb.ListenerConfig{Unix: socket},
		Logger:    logger,
		Handler:   "sqlite",
		SQLiteURL: "file:" + *dataDir + "/",
	})
	if err != nil {
		fail(err)
	}

	ctx, stop := signal.NotifyContext(context.Background(), syscall.SIGINT, syscall.SIGTERM)
	defer stop()
	go stopWithParent(ctx, stop)

	listener, err := net.Listen("tcp", *listen)
	if err != nil {
		fail(err)
	}
	proxy := &serializingProxy{backend: socket, logger: logger}
	go func() {
		if err := proxy.serve(listener); err != nil {
			logger.Error("proxy stopped", "error", err)
			stop()
		}
	}()
	go func() {
		<-ctx.Done()
		listener.Close()
	}()

	fmt.Println("ready mongodb://" + listener.Addr().String() + "/")
	if err := db.Run(ctx); err != nil {
		fail(err)
	}
}

// stopWithParent stops the server when the process that started it is gone, even if it was
// killed with SIGKILL and could not stop its children: no orphaned database keeps the files.
func stopWithParent(ctx context.Context, stop context.CancelFunc) {
	parent := os.Getppid()
	ticker := time.NewTicker(500 * time.Millisecond)
	defer ticker.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-ticker.C:
			if os.Getppid() != parent {
				stop()
				return
			}
		}
	}
}

func fail(err error) {
	fmt.Fprintln(os.Stderr, "ferretdb:", err)
	os.Exit(1)
}

package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"

	"github.com/advosearch/advosearch/client"
	"github.com/advosearch/advosearch/indexer"
)

func backupCmd(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("backup", flag.ContinueOnError)
	fs.SetOutput(stderr)
	data := fs.String("data", defaultData, "data folder to copy, when no server holds it")
	server := fs.String("server", "", "ask the advosearch server at this URL to write the copy, on its own disk, while it serves")
	token := fs.String("token", os.Getenv("ADVOSEARCH_TOKEN"), "the server's token, with --server")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if fs.NArg() != 1 {
		return errors.New("backup: usage: advosearch backup [--data DIR | --server URL --token T] DEST")
	}
	dest, err := filepath.Abs(fs.Arg(0))
	if err != nil {
		return fmt.Errorf("backup: %w", err)
	}
	if *server != "" {
		if err := client.New(*server, *token).Backup(ctx, dest); err != nil {
			return err
		}
	} else {
		d, err := openData(*data, indexer.Options{}, true)
		if err != nil {
			return err
		}
		defer d.Close()
		if err := d.Backup(dest, *data); err != nil {
			return err
		}
	}
	fmt.Fprintf(stdout, "backed up to %s; serve it with --data %s\n", dest, dest)
	return nil
}

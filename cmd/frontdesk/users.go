package main

import (
	"bufio"
	"context"
	"errors"
	"flag"
	"fmt"
	"strings"

	"github.com/frontdesk/frontdesk/internal/operator"
)

func runUserCreate(e *env, args []string) error {
	var email, name, role string
	var fromStdin bool
	cfg, _, err := loadConfig("user create", e, args, func(fs *flag.FlagSet) {
		fs.StringVar(&email, "email", "", "the operator's email address (required)")
		fs.StringVar(&name, "name", "", "the operator's name (required)")
		fs.StringVar(&role, "role", "agent", "admin or agent")
		fs.BoolVar(&fromStdin, "password-stdin", false, "read the password from the first line of standard input")
	})
	if err != nil {
		return err
	}
	password := ""
	if fromStdin {
		line, err := bufio.NewReader(e.stdin).ReadString('\n')
		if err != nil && line == "" {
			return errors.New("--password-stdin: no password on standard input")
		}
		password = strings.TrimRight(line, "\r\n")
		if password == "" {
			return errors.New("--password-stdin: the password is empty")
		}
	} else {
		password = operator.GeneratePassword()
	}
	ctx := context.Background()
	s, err := open(ctx, cfg)
	if err != nil {
		return err
	}
	defer s.DB.Close()
	op, err := s.Operators.Create(ctx, operator.NewOperator{Email: email, Name: name, Role: operator.Role(role), Password: password})
	if err != nil {
		return err
	}
	fmt.Fprintf(e.stdout, "created %s %s (id %d)\n", op.Role, op.Email, op.ID)
	if !fromStdin {
		fmt.Fprintf(e.stdout, "password: %s\n", password)
	}
	return nil
}

func runTokenCreate(e *env, args []string) error {
	var email, label string
	cfg, _, err := loadConfig("token create", e, args, func(fs *flag.FlagSet) {
		fs.StringVar(&email, "email", "", "the operator the token acts as (required)")
		fs.StringVar(&label, "name", "", "a label to recognise the token by")
	})
	if err != nil {
		return err
	}
	if email == "" {
		return errors.New("--email is required: the operator the token acts as")
	}
	ctx := context.Background()
	s, err := open(ctx, cfg)
	if err != nil {
		return err
	}
	defer s.DB.Close()
	op, err := s.Operators.GetByEmail(ctx, email)
	if err != nil {
		return fmt.Errorf("no operator with email %s", email)
	}
	// The command line is trusted like an admin: whoever runs it owns the database.
	secret, _, err := s.Operators.CreateToken(ctx, operator.Operator{Role: operator.Admin}, op.ID, label)
	if err != nil {
		return err
	}
	fmt.Fprintln(e.stdout, secret)
	return nil
}

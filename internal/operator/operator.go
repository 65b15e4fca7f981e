// Package operator holds the people who work tickets: their accounts,
// roles, passwords and API tokens.
package operator

import (
	"strings"
	"time"

	"github.com/frontdesk/frontdesk/internal/domain"
)

// Role decides what an operator may manage.
type Role string

// Admins manage teams, operators, pipelines and everyone's tokens; agents
// work tickets and manage their own tokens.
const (
	Admin Role = "admin"
	Agent Role = "agent"
)

// Operator is a person who works tickets.
type Operator struct {
	ID        int64     `json:"id"`
	Email     string    `json:"email"`
	Name      string    `json:"name"`
	Role      Role      `json:"role"`
	Active    bool      `json:"active"`
	CreatedAt time.Time `json:"created_at"`
	UpdatedAt time.Time `json:"updated_at"`
}

// IsAdmin reports whether o may manage the install.
func (o Operator) IsAdmin() bool { return o.Role == Admin }

// ErrNotFound is returned when no operator matches.
var ErrNotFound = domain.NotFound("operator")

// NewOperator is the input for creating an operator.
type NewOperator struct {
	Email    string
	Name     string
	Role     Role
	Password string
}

const minPasswordLen = 10

func (in *NewOperator) validate() error {
	var c domain.Check
	email, ok := domain.NormalizeEmail(in.Email)
	c.Require(ok, "email", "must be a valid email address")
	in.Email = email
	in.Name = strings.TrimSpace(in.Name)
	c.Line("name", in.Name)
	c.Require(len(in.Name) > 0 && !domain.TooLong(in.Name, 200), "name", "must be 1 to 200 characters")
	if in.Role == "" {
		in.Role = Agent
	}
	c.Require(in.Role == Admin || in.Role == Agent, "role", "must be admin or agent")
	if in.Password != "" {
		c.Require(len(in.Password) >= minPasswordLen, "password", "must be at least 10 characters")
	}
	return c.Err()
}

//! What a Fluent file defines: each message's id, line and the variables it uses, read from the syntax tree.
//! Loading uses it to refuse translations that name variables the default language's message does not
//! pass (the page would show `{$datum}`) and ids defined twice; `check` uses it for its warnings.

use std::collections::BTreeSet;

use fluent_syntax::ast;

/// One message or term of a Fluent file.
#[derive(Debug, Clone)]
pub(crate) struct Definition {
    /// Its id (terms keep their leading `-`).
    pub(crate) id: String,
    /// 1-based line of `id =`.
    pub(crate) line: Option<usize>,
    /// The variables its value and attributes use.
    pub(crate) variables: BTreeSet<String>,
    /// The messages it references.
    pub(crate) references: BTreeSet<String>,
    /// Whether it is a term (`-brand = …`), which only other messages use.
    pub(crate) term: bool,
}

/// The messages and terms `text` defines, in file order; entries the parser could not read are left out
/// (loading reports them as syntax errors).
pub(crate) fn definitions(text: &str) -> Vec<Definition> {
    let resource = match fluent_syntax::parser::parse(text) {
        Ok(r) | Err((r, _)) => r,
    };
    let mut found = Vec::new();
    let mut from_line = 0;
    for entry in &resource.body {
        let (id, value, attributes, term) = match entry {
            ast::Entry::Message(m) => {
                (m.id.name.to_owned(), m.value.as_ref(), &m.attributes, false)
            }
            ast::Entry::Term(t) => (format!("-{}", t.id.name), Some(&t.value), &t.attributes, true),
            _ => continue,
        };
        let mut variables = BTreeSet::new();
        let mut references = BTreeSet::new();
        for pattern in value.into_iter().chain(attributes.iter().map(|a| &a.value)) {
            walk_pattern(pattern, &mut variables, &mut references);
        }
        // Entries come in file order, so each id is looked for after the previous one's line: a second
        // definition of an id is found at its own line.
        let line = text
            .lines()
            .enumerate()
            .skip(from_line)
            .find(|(_, l)| {
                l.strip_prefix(id.as_str()).is_some_and(|r| r.trim_start().starts_with('='))
            })
            .map(|(i, _)| i + 1);
        if let Some(line) = line {
            from_line = line;
        }
        found.push(Definition { id, line, variables, references, term });
    }
    found
}

fn walk_pattern(
    pattern: &ast::Pattern<&str>,
    variables: &mut BTreeSet<String>,
    used: &mut BTreeSet<String>,
) {
    for element in &pattern.elements {
        if let ast::PatternElement::Placeable { expression } = element {
            walk_expression(expression, variables, used);
        }
    }
}

fn walk_expression(
    expression: &ast::Expression<&str>,
    variables: &mut BTreeSet<String>,
    used: &mut BTreeSet<String>,
) {
    match expression {
        ast::Expression::Select { selector, variants } => {
            walk_inline(selector, variables, used);
            for variant in variants {
                walk_pattern(&variant.value, variables, used);
            }
        }
        ast::Expression::Inline(inline) => walk_inline(inline, variables, used),
    }
}

fn walk_inline(
    inline: &ast::InlineExpression<&str>,
    variables: &mut BTreeSet<String>,
    used: &mut BTreeSet<String>,
) {
    match inline {
        ast::InlineExpression::VariableReference { id } => {
            variables.insert(id.name.to_owned());
        }
        ast::InlineExpression::MessageReference { id, .. } => {
            used.insert(id.name.to_owned());
        }
        ast::InlineExpression::FunctionReference { arguments, .. }
        | ast::InlineExpression::TermReference { arguments: Some(arguments), .. } => {
            walk_arguments(arguments, variables, used);
        }
        ast::InlineExpression::Placeable { expression } => {
            walk_expression(expression, variables, used);
        }
        _ => {}
    }
}

fn walk_arguments(
    arguments: &ast::CallArguments<&str>,
    variables: &mut BTreeSet<String>,
    used: &mut BTreeSet<String>,
) {
    for a in &arguments.positional {
        walk_inline(a, variables, used);
    }
    for a in &arguments.named {
        walk_inline(&a.value, variables, used);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_lines_variables_and_repeats() {
        let d = definitions("a = { $date }\n-t = T\nb = { a } { -t }\n\na = again { $datum }\n");
        let summary: Vec<_> = d.iter().map(|d| (d.id.as_str(), d.line)).collect();
        assert_eq!(summary, [("a", Some(1)), ("-t", Some(2)), ("b", Some(3)), ("a", Some(5))]);
        assert!(d[0].variables.contains("date"));
        assert!(d[3].variables.contains("datum"));
        assert!(d[2].references.contains("a"));
        assert!(d[1].term);
    }
}

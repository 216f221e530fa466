//! The MCP server: answers `tools/list` and `tools/call` over standard input and output.

use std::io;
use std::sync::Mutex;

use rmcp::model::{
    CallToolRequestParams, CallToolResponse, CallToolResult, ContentBlock, Implementation,
    ListToolsResult, PaginatedRequestParams, ServerCapabilities, ServerConfig,
};
use rmcp::service::{QuitReason, RequestContext, ServerInitializeError};
use rmcp::transport::async_rw::AsyncRwTransport;
use rmcp::{ErrorData, RoleServer, ServerHandler, ServiceExt};

use super::tools;
use crate::catalogue::Catalogue;
use crate::error::Error;

/// The longest message read: a 10 MiB log (`tools::MAX_LOG`) written as JSON, escapes and all,
/// fits, so that a log over the limit is answered with why. A longer message is dropped, as the
/// transport does, without an answer.
const MAX_MESSAGE: usize = 64 * 1024 * 1024;

const INSTRUCTIONS: &str = "chaterr explains the error codes of in-app chat SDKs (ZEGOCLOUD \
ZIM, Tencent Cloud Chat/IM, Agora Chat) offline, in the vendors' own words. Use \
lookup_error_code for a code or an SDK's name for it, search_error_codes when you know what went \
wrong but not the code, explain_log for log text, list_error_codes and list_sources to browse.";

struct Server {
    /// The catalogue is read by one call at a time: its entries are built as they are first
    /// read, which a shared reference across threads would not allow.
    catalogue: Mutex<Catalogue>,
}

impl ServerHandler for Server {
    fn get_info(&self) -> ServerConfig {
        let implementation = Implementation::new("chaterr", env!("CARGO_PKG_VERSION"))
            .with_title("chaterr: chat-SDK error codes, explained");
        ServerConfig::new(ServerCapabilities::builder().enable_tools().build())
            .with_server_info(implementation)
            .with_instructions(INSTRUCTIONS)
    }

    async fn list_tools(
        &self,
        _request: Option<PaginatedRequestParams>,
        _context: RequestContext<RoleServer>,
    ) -> Result<ListToolsResult, ErrorData> {
        Ok(ListToolsResult::with_all_items(tools::list()))
    }

    async fn call_tool(
        &self,
        request: CallToolRequestParams,
        _context: RequestContext<RoleServer>,
    ) -> Result<CallToolResponse, ErrorData> {
        let args = request.arguments.unwrap_or_default();
        // A call that panicked while holding the lock left nothing half-changed: the catalogue
        // is only read.
        let catalogue = self.catalogue.lock().unwrap_or_else(|e| e.into_inner());
        let result = match tools::call(&catalogue, &request.name, args) {
            None => {
                let names: Vec<String> = tools::list().into_iter().map(|t| t.name.into()).collect();
                return Err(ErrorData::invalid_params(
                    format!(
                        "unknown tool {:?}; the tools are {}",
                        request.name,
                        names.join(", ")
                    ),
                    None,
                ));
            }
            Some(Ok(answer)) => {
                let mut result = CallToolResult::structured(answer.json);
                result.content = vec![ContentBlock::text(answer.text)];
                result
            }
            Some(Err(message)) => CallToolResult::error(vec![ContentBlock::text(message)]),
        };
        Ok(result.into())
    }
}

/// Serves the catalogue until standard input closes.
pub async fn serve(catalogue: Catalogue) -> Result<(), Error> {
    let server = Server {
        catalogue: Mutex::new(catalogue),
    };
    let transport = AsyncRwTransport::new_server(tokio::io::stdin(), stdout()?)
        .with_max_line_length(MAX_MESSAGE);
    let running = match server.serve(transport).await {
        Ok(running) => running,
        // The client went away before it began: nothing to do.
        Err(ServerInitializeError::ConnectionClosed(_)) => return Ok(()),
        // The transport fails this way only in writing the answer (`> /dev/full`).
        Err(ServerInitializeError::TransportError { error, .. }) => {
            return Err(Error::Output(io_error(&error)));
        }
        Err(err) => return Err(Error::Mcp(err.to_string())),
    };
    match running.waiting().await {
        Ok(QuitReason::JoinError(err)) | Err(err) => Err(Error::Mcp(err.to_string())),
        // Closed (the input ended) or cancelled.
        Ok(_) => Ok(()),
    }
}

/// The system's error beneath a transport's (the transport's own words name its Rust types).
fn io_error(error: &(dyn std::error::Error + 'static)) -> io::Error {
    let mut cause = Some(error);
    while let Some(error) = cause {
        if let Some(io) = error.downcast_ref::<io::Error>() {
            return io::Error::new(io.kind(), io.to_string());
        }
        cause = error.source();
    }
    io::Error::other(error.to_string())
}

/// Standard output, written apart from the process's `std::io::Stdout`, whose lock the
/// command line's output may hold for the life of the process.
fn stdout() -> io::Result<tokio::fs::File> {
    crate::render::stdout_file().map(tokio::fs::File::from_std)
}

# Homebrew formula for chaterr, installing the release archives that `cargo xtask dist` lays out.
#
# This file is the template: the release workflow (.github/workflows/release.yml) fills in the
# version and each archive's SHA-256 with `cargo xtask formula VERSION DIR` and attaches the
# result to the release, from where `brew install --formula ./chaterr.rb` installs it.
class Chaterr < Formula
  desc "Explain chat-SDK error codes (ZEGOCLOUD ZIM, Tencent Cloud Chat, Agora Chat) offline"
  homepage "https://github.com/chaterr/chaterr"
  version "{{version}}"
  license any_of: ["MIT", "Apache-2.0"]

  on_macos do
    on_arm do
      url "https://github.com/chaterr/chaterr/releases/download/v{{version}}/chaterr-v{{version}}-aarch64-apple-darwin.tar.gz"
      sha256 "{{sha256 aarch64-apple-darwin}}"
    end
    on_intel do
      url "https://github.com/chaterr/chaterr/releases/download/v{{version}}/chaterr-v{{version}}-x86_64-apple-darwin.tar.gz"
      sha256 "{{sha256 x86_64-apple-darwin}}"
    end
  end

  on_linux do
    on_intel do
      url "https://github.com/chaterr/chaterr/releases/download/v{{version}}/chaterr-v{{version}}-x86_64-unknown-linux-musl.tar.gz"
      sha256 "{{sha256 x86_64-unknown-linux-musl}}"
    end
  end

  def install
    bin.install "chaterr"
    man1.install Dir["man/*.1"]
    bash_completion.install "completions/chaterr.bash" => "chaterr"
    zsh_completion.install "completions/_chaterr"
    fish_completion.install "completions/chaterr.fish"
    doc.install "README.md"
  end

  test do
    assert_match "6000103", shell_output("#{bin}/chaterr lookup zego 6000103 --color never")
    assert_match "lookup", shell_output("#{bin}/chaterr --help")
  end
end

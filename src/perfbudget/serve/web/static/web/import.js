// 导入: send the chosen files one by one, showing progress and each file's result as it comes.
(function () {
  "use strict";
  var form = document.getElementById("upload-form");
  if (!form || !window.fetch || !window.FormData) { return; }  // the plain form still works
  var input = document.getElementById("files");
  var zone = document.getElementById("dropzone");
  var chosen = document.getElementById("chosen");
  var problem = document.getElementById("client-problem");
  var progress = document.getElementById("progress");
  var bar = document.getElementById("progress-bar");
  var text = document.getElementById("progress-text");
  var results = document.getElementById("results");
  var rows = document.getElementById("result-rows");
  var button = document.getElementById("upload-button");
  var maxBytes = Number(form.dataset.maxMb) * 1024 * 1024;
  var maxFiles = Number(form.dataset.maxFiles);
  var token = form.querySelector("input[name=csrfmiddlewaretoken]").value;

  function show(message) { problem.textContent = message; problem.hidden = !message; }
  function describe() {
    var files = input.files;
    chosen.textContent = files.length ? "已选择 " + files.length + " 个文件：" + Array.prototype.map.call(files, function (f) { return f.name; }).join("、") : "";
  }
  input.addEventListener("change", function () { show(""); describe(); });
  describe();  // files chosen before the script ran (or kept by the browser on going back)
  ["dragenter", "dragover"].forEach(function (name) { zone.addEventListener(name, function (e) { e.preventDefault(); zone.classList.add("over"); }); });
  ["dragleave", "drop"].forEach(function (name) { zone.addEventListener(name, function () { zone.classList.remove("over"); }); });
  zone.addEventListener("drop", function (e) { e.preventDefault(); input.files = e.dataTransfer.files; show(""); describe(); });

  function errorRow(name, message) {
    var tr = document.createElement("tr");
    tr.className = "result result-error";
    var a = document.createElement("td"); a.textContent = name;
    var b = document.createElement("td"); b.innerHTML = '<span class="pill bad">失败</span><div class="small err"></div>';
    b.querySelector("div").textContent = message;
    tr.appendChild(a); tr.appendChild(b);
    for (var i = 0; i < 5; i++) { tr.appendChild(document.createElement("td")); }
    return tr;
  }

  form.addEventListener("submit", function (event) {
    event.preventDefault();
    var files = Array.prototype.slice.call(input.files);
    if (!files.length) { show("请选择要上传的文件。"); return; }
    if (files.length > maxFiles) { show("一次最多上传 " + maxFiles + " 个文件，您选择了 " + files.length + " 个。请分批上传。"); return; }
    show("");
    button.disabled = true;
    results.hidden = false;
    progress.hidden = false;
    var done = 0;
    var step = function () {
      bar.style.width = Math.round(100 * done / files.length) + "%";
      text.textContent = done < files.length ? "正在读取第 " + (done + 1) + " 个，共 " + files.length + " 个：" + files[done].name : "全部完成：共 " + files.length + " 个文件。";
    };
    var next = function () {
      step();
      if (done >= files.length) { button.disabled = false; input.value = ""; describe(); return; }
      var file = files[done];
      if (file.size > maxBytes) {
        rows.appendChild(errorRow(file.name, "文件过大（" + (file.size / 1048576).toFixed(1) + " MB），单个文件上限为 " + form.dataset.maxMb + " MB。"));
        done += 1; next(); return;
      }
      var body = new FormData();
      body.append("file", file, file.name);
      fetch(form.dataset.oneUrl, { method: "POST", body: body, headers: { "X-CSRFToken": token }, credentials: "same-origin" })
        .then(function (response) {
          if (!response.ok) { throw new Error("服务器返回 " + response.status); }
          return response.text();
        })
        .then(function (html) { rows.insertAdjacentHTML("beforeend", html); })
        .catch(function (error) { rows.appendChild(errorRow(file.name, "上传失败：" + error.message)); })
        .then(function () { done += 1; next(); });
    };
    next();
  });
})();

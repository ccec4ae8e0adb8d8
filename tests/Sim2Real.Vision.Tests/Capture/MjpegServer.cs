using Sim2Real.Core.Imaging;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Sim2Real.Vision.Tests.Capture;

/// <summary>
/// A minimal HTTP MJPEG camera on loopback (multipart/x-mixed-replace, as IP cameras serve it). Each connection
/// gets <see cref="FramesPerConnection"/> JPEG frames and is then closed, like a camera that drops its clients.
/// </summary>
internal sealed class MjpegServer : IDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly byte[][] _jpegs;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _serving;
    private int _connections;

    public MjpegServer(IReadOnlyList<Image> frames, int framesPerConnection)
    {
        _jpegs = frames.Select(f => ImageCodec.Encode(f, ".jpg", 1, 95)).ToArray();
        FramesPerConnection = framesPerConnection;
        _listener.Start();
        _serving = Task.Run(ServeAsync);
    }

    public int FramesPerConnection { get; }

    public int Connections => Volatile.Read(ref _connections);

    public string Url => $"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}/stream.mjpg";

    public void Dispose()
    {
        _stop.Cancel();
        _listener.Stop();
        try
        {
            _serving.Wait(TimeSpan.FromSeconds(5));
        }
        catch (AggregateException e) when (e.InnerExceptions.All(x => x is OperationCanceledException or SocketException or ObjectDisposedException))
        {
            // Stopping the listener ends the accept loop with one of these.
        }
    }

    private async Task ServeAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            using var client = await _listener.AcceptTcpClientAsync(_stop.Token);
            Interlocked.Increment(ref _connections);
            var stream = client.GetStream();
            await ReadRequestAsync(stream);
            await stream.WriteAsync(Encoding.ASCII.GetBytes("HTTP/1.0 200 OK\r\nContent-Type: multipart/x-mixed-replace;boundary=frame\r\n\r\n"), _stop.Token);
            for (var i = 0; i < FramesPerConnection; i++)
            {
                var jpeg = _jpegs[i % _jpegs.Length];
                await stream.WriteAsync(Encoding.ASCII.GetBytes($"--frame\r\nContent-Type: image/jpeg\r\nContent-Length: {jpeg.Length}\r\n\r\n"), _stop.Token);
                await stream.WriteAsync(jpeg, _stop.Token);
                await stream.WriteAsync("\r\n"u8.ToArray(), _stop.Token);
            }

            await stream.FlushAsync(_stop.Token);
        }
    }

    private async Task ReadRequestAsync(NetworkStream stream)
    {
        var buffer = new byte[4096];
        var seen = new StringBuilder();
        while (!seen.ToString().Contains("\r\n\r\n", StringComparison.Ordinal))
        {
            var n = await stream.ReadAsync(buffer, _stop.Token);
            if (n == 0)
            {
                return;
            }

            seen.Append(Encoding.ASCII.GetString(buffer, 0, n));
        }
    }
}
